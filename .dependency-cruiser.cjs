// The layers, lowest first: simulator < protocol < service < host < lsp < cli; the client
// (extension and preview page) sees only the protocol and the simulator. Each may import
// only what is below it. test/unit/architecture.test.ts runs these rules in `npm test`.
const layer = (name, path, mayImport) => ({
  name: `${name}-points-down`,
  comment: `${name} may import only ${mayImport.join(', ') || 'itself'} (and packages)`,
  severity: 'error',
  from: { path },
  to: { path: '^(server/src|client/src|protocol)/', pathNot: [path, ...mayImport] },
});
const simulator = '^server/src/simulator/';
const protocol = '^protocol/';
const service = '^server/src/service/';
const host = '^server/src/host/';
const lsp = '^server/src/lsp/';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    layer('simulator', simulator, []),
    layer('protocol', protocol, [simulator]),
    layer('service', service, [simulator, protocol]),
    layer('host', host, [service, simulator, protocol]),
    layer('lsp', lsp, [host, service, simulator, protocol]),
    layer('client', '^client/src/', [protocol, simulator]),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|server/generated)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
