import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './apollo';
import { App } from './App';
import { credentials } from './credentials';
import './styles.css';

const gatewayUrl = import.meta.env.VITE_GATEWAY_URL ?? 'http://localhost:4000/graphql';
const client = createClient(gatewayUrl, credentials.get, {
  trustedDocuments: import.meta.env.VITE_TRUSTED_DOCUMENTS === 'true',
});

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <App gatewayUrl={gatewayUrl} />
    </ApolloProvider>
  </StrictMode>,
);
