import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

/**
 * Typed documents for src/operations/*.graphql, from the gateway's subgraph SDL snapshot (the
 * schema as the gateway serves it). `npm run codegen` here, or at the repository's root.
 */
const config: CodegenConfig = {
  overwrite: true,
  schema: '../../schema/snapshot/badges.subgraph.graphql',
  documents: ['src/operations/*.graphql'],
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        // The operations select plain fields through fragments; no useFragment() to unmask them.
        fragmentMasking: false,
        // src/gql/persisted-documents.json: { "<sha256 of the document, hex>": "<document>" }, the
        // operations a gateway started with TRUSTED_DOCUMENTS=<that file> runs. Plain hex, as
        // Apollo Client's persisted-query link sends it in extensions.persistedQuery.sha256Hash.
        persistedDocuments: {
          hashAlgorithm: (document: string) => createHash('sha256').update(document).digest('hex'),
        },
      },
      // Apollo Client adds __typename to every selection set it sends: so do the documents here.
      documentTransforms: [addTypenameSelectionDocumentTransform],
      config: {
        useTypeImports: true,
        defaultScalarType: 'unknown',
        scalars: { DateTime: 'string' },
        avoidOptionals: { field: true, inputValue: false },
        nonOptionalTypename: true,
        skipTypeNameForRoot: true,
        enumsAsTypes: true,
      },
    },
  },
};

export default config;
