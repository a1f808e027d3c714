import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { packageRoot } from '../packageRoot.js';

/**
 * The example app's operations (examples/badges-admin, docs/frontends.md): Sandbox opens with its
 * create mutation, read from these files, so that the explorer and the app never disagree.
 */
export const EXAMPLE_OPERATIONS = join('examples', 'badges-admin', 'src', 'operations');
const SANDBOX_FILES = ['createBadgeOrgMeta.graphql', 'fragments.graphql'];

/** What Apollo Sandbox opens with: the example's create mutation and the fragments it spreads. */
export function sandboxDocument(): string {
  const dir = join(packageRoot(), EXAMPLE_OPERATIONS);
  return SANDBOX_FILES.map((file) => readFileSync(join(dir, file), 'utf8')).join('\n');
}

/**
 * Apollo Sandbox on GET /graphql. The Authorization header is Capillary's
 * documented example (user `store123`, password `Pass123`): a placeholder to
 * replace with real credentials, which the embedded emulator happens to accept.
 */
export function sandboxLandingPage() {
  return ApolloServerPluginLandingPageLocalDefault({
    embed: true,
    includeCookies: false,
    document: sandboxDocument(),
    variables: {
      input: {
        orgId: 100458,
        tags: [
          {
            key: 'Category',
            dataType: 'string',
            description: 'Type of badge (Exclusive, Regular)',
            mandatory: false,
          },
        ],
      },
    },
    headers: { Authorization: 'Basic c3RvcmUxMjM6YmRjODdiOWM4OTRkYTUxNjgwNTllMDBlYmZmYjkwNzc=' },
  });
}
