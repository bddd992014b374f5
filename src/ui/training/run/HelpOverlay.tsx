import { SHORTCUTS } from './keyMap';

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" data-testid="help-overlay" onClick={onClose}>
      <div className="overlay-card" onClick={(event) => event.stopPropagation()}>
        <h2 className="panel-title">Keyboard shortcuts</h2>
        <table className="shortcut-table">
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.keys}>
                <th scope="row">
                  <kbd>{shortcut.keys}</kbd>
                </th>
                <td>{shortcut.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="caption">Shortcuts are ignored while you type in a field.</p>
        <button type="button" className="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </div>
  );
}
