import { defineConfig } from "vite";

// The api serves the built console from its wwwroot; nothing built is committed.
export default defineConfig({
  build: {
    outDir: "../api/wwwroot",
    emptyOutDir: true,
  },
  server: {
    proxy: {
      "/api": "http://localhost:5000",
      "/hubs": { target: "http://localhost:5000", ws: true },
    },
  },
});
