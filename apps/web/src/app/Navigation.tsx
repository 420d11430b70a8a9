import { useSession } from '../session/session-context';
import { href, type Route } from './routes';

const SECTIONS = [
  { label: 'Devices', target: href.devices(), pages: ['devices', 'device'] },
  { label: 'Runs', target: href.runs(), pages: ['runs', 'run'] },
  { label: 'Search', target: href.search(), pages: ['search'] },
  { label: 'Admin', target: href.admin(), pages: ['admin'] },
] as const;

export function Navigation({ route }: { route: Route }) {
  const { who, signOut } = useSession();
  return (
    <header className="top-bar">
      <a className="brand" href={href.devices()}>
        netkeep
      </a>
      <nav aria-label="Sections">
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.label}>
              <a href={section.target} aria-current={(section.pages as readonly string[]).includes(route.page) ? 'page' : undefined}>
                {section.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="who">
        <span>
          {who.name} <span className="badge badge-neutral">{who.role}</span>
        </span>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
