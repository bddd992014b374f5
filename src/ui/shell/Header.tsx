import { hashForTab, TABS, type TabId } from '../../state/route';
import { BackendIndicator } from './BackendIndicator';
import { ThemeToggle } from './ThemeToggle';

export function Header({ tab }: { tab: TabId }) {
  return (
    <header className="app-header">
      <h1 className="app-title">Deconv Lab</h1>
      <nav className="tabs" aria-label="Views">
        {TABS.map((t) => (
          <a key={t.id} className="tab" href={hashForTab(t.id)} aria-current={t.id === tab ? 'page' : undefined}>
            {t.label}
          </a>
        ))}
        <a
          className="tab tab-tour"
          href={hashForTab('tour')}
          aria-current={tab === 'tour' ? 'page' : undefined}
          title="A guided tour for lectures: ← → move, Esc leaves"
        >
          Tour
        </a>
      </nav>
      <div className="header-end">
        <BackendIndicator />
        <ThemeToggle />
      </div>
    </header>
  );
}
