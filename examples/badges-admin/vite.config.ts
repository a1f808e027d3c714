import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The gateway's URL comes from VITE_GATEWAY_URL (src/main.tsx); CORS_ORIGINS of that gateway must
// list this app's origin (http://localhost:5173 for `npm run dev`).
export default defineConfig({
  plugins: [react()],
});
