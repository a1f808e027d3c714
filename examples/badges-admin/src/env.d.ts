interface ImportMetaEnv {
  /** The gateway's GraphQL endpoint; http://localhost:4000/graphql when unset. */
  readonly VITE_GATEWAY_URL?: string;
  /** `true` for a gateway started with TRUSTED_DOCUMENTS: operations are sent as their hashes. */
  readonly VITE_TRUSTED_DOCUMENTS?: string;
}
