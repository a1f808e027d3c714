import { describe, expect, it } from 'vitest';
import { Metrics } from '../../src/observability/metrics.js';

describe('Metrics', () => {
  it('keeps counting across scrapes: what waited since the last scrape is added, never lost or doubled', async () => {
    const metrics = new Metrics();
    metrics.graphqlRequest('mutation', false);
    metrics.fieldResult('createBadgeOrgMeta', 'CreateBadgeOrgMetaSuccess');
    expect(await metrics.render()).toContain(
      'badges_gateway_graphql_requests_total{operation_type="mutation",outcome="ok"} 1',
    );

    metrics.graphqlRequest('mutation', false);
    metrics.graphqlRequest('mutation', false);
    metrics.graphqlRequest(null, true);
    const second = await metrics.render();
    expect(second).toContain(
      'badges_gateway_graphql_requests_total{operation_type="mutation",outcome="ok"} 3',
    );
    expect(second).toContain(
      'badges_gateway_graphql_requests_total{operation_type="none",outcome="errors"} 1',
    );
    expect(second).toContain(
      'badges_gateway_graphql_results_total{field="createBadgeOrgMeta",result="CreateBadgeOrgMetaSuccess"} 1',
    );
    expect(await metrics.render()).toContain(
      'badges_gateway_graphql_requests_total{operation_type="mutation",outcome="ok"} 3',
    );
  });

  it('reports the requests in flight at the time of the scrape', async () => {
    const metrics = new Metrics();
    const first = metrics.requestStarted();
    const second = metrics.requestStarted();
    expect(await metrics.render()).toContain('badges_gateway_http_requests_in_flight 2');
    first();
    second();
    expect(await metrics.render()).toContain('badges_gateway_http_requests_in_flight 0');
  });
});
