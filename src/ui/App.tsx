export function App() {
  return (
    <main>
      <h1>Deconv Lab</h1>
      <span data-testid="backend-indicator">backend: pending</span>
    </main>
  );
}
