import type { Contact, Deal } from '@tessera/contracts';
import { RecordLink } from '../../../components/records/record-link';
import { ErrorAlert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { Skeleton } from '../../../components/ui/skeleton';
import { usePermission } from '../../../hooks/use-permission';
import { humanize } from '../../../lib/records/labels';
import type { ListPage } from '../../../lib/records/list-page';
import { formatMoney } from '../../../lib/records/money';
import { useCompanyContacts } from '../api/list-company-contacts';
import { useCompanyDeals } from '../api/list-company-deals';

interface RelatedQuery<T> {
  data: ListPage<T> | undefined;
  error: unknown;
  refetch: () => unknown;
}

function RelatedCard<T>({
  title,
  query,
  empty,
  render,
}: {
  title: string;
  query: RelatedQuery<T>;
  empty: string;
  render: (item: T) => React.ReactNode;
}) {
  const items = query.data?.items;
  return (
    <Card aria-label={title}>
      <CardHeader title={`${title}${items ? ` (${items.length})` : ''}`} />
      <CardBody>
        {query.error && !items ? (
          <ErrorAlert
            error={query.error}
            title={`Could not load ${title.toLowerCase()}`}
            onRetry={() => void query.refetch()}
          />
        ) : !items ? (
          <Skeleton className="w-2/3" />
        ) : items.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">{empty}</p>
        ) : (
          <ul className="space-y-2 text-sm">{items.map(render)}</ul>
        )}
      </CardBody>
    </Card>
  );
}

const _link = 'font-medium text-indigo-600 hover:underline dark:text-indigo-400';

/** The company's contacts and deals (side cards of the company page), each only for who may see them. */
export function CompanyRelated({ companyId }: { companyId: string }) {
  const seesContacts = usePermission('contacts.view');
  const seesDeals = usePermission('deals.view');
  const contacts = useCompanyContacts(companyId, seesContacts);
  const deals = useCompanyDeals(companyId, seesDeals);
  return (
    <>
      {seesContacts ? (
        <RelatedCard<Contact>
          title="Contacts"
          query={contacts}
          empty="No contacts at this company yet."
          render={(contact) => (
            <li key={contact.id}>
              <RecordLink type="contact" id={contact.id}>
                {contact.firstName} {contact.lastName}
              </RecordLink>
              {contact.title ? (
                <span className="text-zinc-500 dark:text-zinc-400"> · {contact.title}</span>
              ) : null}
            </li>
          )}
        />
      ) : null}
      {seesDeals ? (
        <RelatedCard<Deal>
          title="Deals"
          query={deals}
          empty="No deals with this company yet."
          render={(deal) => (
            <li key={deal.id} className="flex items-center justify-between gap-2">
              <RecordLink type="deal" id={deal.id}>
                {deal.title}
              </RecordLink>
              <span className="flex items-center gap-2 text-xs tabular-nums">
                {formatMoney(deal.amountCents, deal.currency)}
                <Badge tone={deal.status === 'won' ? 'success' : deal.status === 'lost' ? 'danger' : 'info'}>
                  {humanize(deal.status)}
                </Badge>
              </span>
            </li>
          )}
        />
      ) : null}
    </>
  );
}
