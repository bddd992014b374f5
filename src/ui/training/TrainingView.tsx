// Placeholder: the training dashboard (issue 5) replaces this file.
export function TrainingView() {
  return <section aria-label="Training">Training dashboard: coming soon.</section>;
}
