import { startServer } from './lsp/startServer';

startServer();
