import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState, type SubmitEvent } from 'react';
import { storeOrgMeta } from './apollo';
import { credentials } from './credentials';
import { BadgeOrgMetaDocument, type OrgMetaFieldsFragment } from './gql/graphql';
import { CapillaryRequestId, FailureNotice, Outcome, type SaveOutcome } from './Outcome';
import { TagsForm } from './TagsForm';
import { TagTable } from './TagTable';

/** One page: the caller's org meta, a form that creates or edits it, and what became of a save. */
export function App({ gatewayUrl }: { readonly gatewayUrl: string }) {
  const client = useApolloClient();
  const read = useQuery(BadgeOrgMetaDocument);
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const result = read.data?.badgeOrgMeta;
  const stored = result?.__typename === 'BadgeOrgMeta' ? result : null;
  const problems =
    outcome?.kind === 'answer' && outcome.result.__typename === 'InvalidOrgMetaInput'
      ? outcome.result.problems
      : [];

  function applyCredentials(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const authorization = new FormData(event.currentTarget).get('authorization');
    credentials.set(typeof authorization === 'string' ? authorization : '');
    setOutcome(null);
    // Everything cached was read with the old credentials: drop it and read again.
    void client.resetStore();
  }

  function editExisting(existing: OrgMetaFieldsFragment) {
    storeOrgMeta(client.cache, existing);
    setOutcome(null);
  }

  return (
    <main>
      <h1>Badge org meta</h1>
      <form className="credentials" onSubmit={applyCredentials}>
        <label htmlFor="authorization">Authorization</label>
        <input id="authorization" name="authorization" defaultValue={credentials.get()} />
        <button type="submit">Use these credentials</button>
        <p className="ids">
          Gateway: <code>{gatewayUrl}</code>
        </p>
      </form>

      <section className="stored" data-state={read.loading ? 'loading' : (result?.__typename ?? 'error')}>
        <h2>Your org&apos;s org meta</h2>
        {read.loading ? (
          <p>Reading…</p>
        ) : read.error !== undefined ? (
          <p>The request did not go through: {read.error.message}</p>
        ) : result === undefined ? null : result.__typename === 'BadgeOrgMeta' ? (
          <>
            <p>Org {result.orgId} has these tags:</p>
            <TagTable tags={result.tags} />
          </>
        ) : result.__typename === 'OrgMetaNotFound' ? (
          <p>Your org has no org meta yet: create it below.</p>
        ) : (
          <>
            <FailureNotice failure={result} />
            <p className="ids">
              <CapillaryRequestId requestId={result.requestId} />
            </p>
          </>
        )}
      </section>

      <section>
        <h2>{stored === null ? 'Create the org meta' : 'Edit the tags'}</h2>
        <TagsForm key={stored?.id ?? 'new'} stored={stored} problems={problems} onOutcome={setOutcome} />
      </section>

      {outcome !== null && (
        <Outcome outcome={outcome} onEditExisting={editExisting} onReload={() => void read.refetch()} />
      )}
    </main>
  );
}
