import { lazy, Suspense } from 'react';
import { DevicesPage } from '../devices/DevicesPage';
import { PageHeading } from '../shared/PageHeading';
import { Navigation } from './Navigation';
import { href, pageKey } from './routes';
import { useHashRoute } from './use-hash-route';

// Pages beyond the device list load when first opened, keeping the first load small.
const DevicePage = lazy(() => import('../device/DevicePage').then((module) => ({ default: module.DevicePage })));
const RunsPage = lazy(() => import('../runs/RunsPage').then((module) => ({ default: module.RunsPage })));
const RunPage = lazy(() => import('../runs/RunPage').then((module) => ({ default: module.RunPage })));
const SearchPage = lazy(() => import('../search/SearchPage').then((module) => ({ default: module.SearchPage })));
const AdminPage = lazy(() => import('../admin/AdminPage').then((module) => ({ default: module.AdminPage })));

/** The signed-in console: navigation and the page the URL names. */
export function Shell() {
  const route = useHashRoute();
  return (
    <>
      {/* A button, not an anchor: the URL's hash is the console's route. */}
      <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        Skip to content
      </button>
      <Navigation route={route} />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p aria-live="polite">Loading…</p>}>
          {/* A page remounts when its path changes, so its heading takes focus; query changes keep it. */}
          <PageFor key={pageKey(route)} route={route} />
        </Suspense>
      </main>
    </>
  );
}

function PageFor({ route }: { route: ReturnType<typeof useHashRoute> }) {
  switch (route.page) {
    case 'devices':
      return <DevicesPage query={route.query} />;
    case 'device':
      return <DevicePage deviceId={route.deviceId} tab={route.tab} query={route.query} />;
    case 'runs':
      return <RunsPage query={route.query} />;
    case 'run':
      return <RunPage runId={route.runId} query={route.query} />;
    case 'search':
      return <SearchPage query={route.query} />;
    case 'admin':
      return <AdminPage />;
    case 'not-found':
      return (
        <>
          <PageHeading>No such page</PageHeading>
          <p>
            Nothing lives at <code>{route.path}</code>. <a href={href.devices()}>Go to the devices</a>.
          </p>
        </>
      );
  }
}
