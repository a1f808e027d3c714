import type {
  CreateBadgeOrgMetaMutation,
  FailureFieldsFragment,
  OrgMetaFieldsFragment,
  UpdateBadgeOrgMetaMutation,
} from './gql/graphql';
import { TagTable } from './TagTable';

export type SaveResult =
  CreateBadgeOrgMetaMutation['createBadgeOrgMeta'] | UpdateBadgeOrgMetaMutation['updateBadgeOrgMeta'];

/** What became of a save: the gateway's answer, or why there was none (a network or GraphQL error). */
export type SaveOutcome =
  | { readonly kind: 'answer'; readonly result: SaveResult; readonly gatewayRequestId: string | null }
  | { readonly kind: 'failed'; readonly message: string };

interface OutcomeProps {
  readonly outcome: SaveOutcome;
  /** Loads the org meta that already exists into the form, to edit it. */
  readonly onEditExisting: (existing: OrgMetaFieldsFragment) => void;
  /** Reads the org meta again (after an update found none). */
  readonly onReload: () => void;
}

/** The answer to a save, as the person who pressed the button wants to read it. */
export function Outcome({ outcome, onEditExisting, onReload }: OutcomeProps) {
  if (outcome.kind === 'failed') {
    return (
      <section className="outcome failed" data-outcome="failed" aria-live="polite">
        <h2>The request did not go through</h2>
        <p>{outcome.message}</p>
      </section>
    );
  }
  const { result, gatewayRequestId } = outcome;
  const succeeded =
    result.__typename === 'CreateBadgeOrgMetaSuccess' || result.__typename === 'UpdateBadgeOrgMetaSuccess';
  return (
    <section
      className={succeeded ? 'outcome saved' : 'outcome failed'}
      data-outcome={result.__typename}
      aria-live="polite"
    >
      <Answer result={result} onEditExisting={onEditExisting} onReload={onReload} />
      <p className="ids">
        {'requestId' in result && <CapillaryRequestId requestId={result.requestId} />}
        Gateway request id (X-Request-Id):{' '}
        <code data-testid="gateway-request-id">{gatewayRequestId ?? 'not sent'}</code>
      </p>
    </section>
  );
}

function Answer({
  result,
  onEditExisting,
  onReload,
}: { readonly result: SaveResult } & Omit<OutcomeProps, 'outcome'>) {
  switch (result.__typename) {
    case 'CreateBadgeOrgMetaSuccess':
    case 'UpdateBadgeOrgMetaSuccess':
      return (
        <>
          <h2>Saved</h2>
          <p>Org {result.orgMeta.orgId} now has these tags:</p>
          <TagTable tags={result.orgMeta.tags} />
          {result.warnings.map((warning) => (
            <p className="warning" key={warning.message}>
              Capillary warns: {warning.message}
            </p>
          ))}
        </>
      );
    case 'OrgMetaAlreadyExists': {
      const { existing } = result;
      return (
        <>
          <h2>This org already has one — edit it instead</h2>
          {existing === null ? (
            <p>Reload the page to edit it.</p>
          ) : (
            <>
              <p>Its tags are:</p>
              <TagTable tags={existing.tags} />
              <button
                type="button"
                onClick={() => {
                  onEditExisting(existing);
                }}
              >
                Edit these tags
              </button>
            </>
          )}
        </>
      );
    }
    case 'OrgMetaNotFound':
      return (
        <>
          <h2>This org has no org meta yet — create it instead</h2>
          <button type="button" onClick={onReload}>
            Create it
          </button>
        </>
      );
    case 'InvalidOrgMetaInput':
      return (
        <>
          <h2>Nothing was saved</h2>
          <p>Correct what is marked in the form, then save again.</p>
        </>
      );
    default:
      return <FailureNotice failure={result} />;
  }
}

/**
 * Any BadgesError, including members this app does not know: a retryable upstream failure becomes
 * a hint to try again (after `retryAfterSeconds` when Capillary said), anything else its message.
 */
export function FailureNotice({ failure }: { readonly failure: FailureFieldsFragment }) {
  if (failure.__typename === 'BadgesUpstreamFailure' && failure.retryable) {
    const status = failure.status === null ? '' : ` (HTTP ${failure.status})`;
    const wait =
      failure.retryAfterSeconds === null ? 'in a moment' : `in ${failure.retryAfterSeconds} seconds`;
    // The request went out but no answer came back: a change may have been applied all the same.
    const uncertain = failure.cause === 'TIMEOUT' || failure.cause === 'CONNECTION_RESET';
    return (
      <>
        <h2>Capillary is not available right now</h2>
        <p data-testid="retry-hint">
          Capillary did not answer{status}. Try again {wait}.
        </p>
        {uncertain && (
          <p>A change may have gone through all the same: reload the page to see what is stored.</p>
        )}
      </>
    );
  }
  return (
    <>
      <h2>That did not work</h2>
      <p>{failure.message}</p>
    </>
  );
}

/** Capillary's X-Cap-Requestid of a failed call: what Capillary's support asks for. */
export function CapillaryRequestId({ requestId }: { readonly requestId: string | null }) {
  if (requestId === null) return null;
  return (
    <>
      Capillary request id: <code data-testid="capillary-request-id">{requestId}</code>.{' '}
    </>
  );
}
