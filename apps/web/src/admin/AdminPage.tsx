import { useSession } from '../session/session-context';
import { PageHeading } from '../shared/PageHeading';
import { PoliciesSection } from './PoliciesSection';
import { TokensSection } from './TokensSection';
import { WebhooksSection } from './WebhooksSection';

/** Backup policies for everyone (operators edit them); webhooks and API tokens for admins only. */
export function AdminPage() {
  const { can } = useSession();
  return (
    <>
      <PageHeading>Admin</PageHeading>
      <PoliciesSection />
      {can.administer ? (
        <>
          <WebhooksSection />
          <TokensSection />
        </>
      ) : (
        <p className="muted">Webhooks and API tokens are for admins.</p>
      )}
    </>
  );
}
