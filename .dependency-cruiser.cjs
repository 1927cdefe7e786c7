// The layers, lowest first: messages < simulator < protocol < service < host < lsp < cli; the
// client (extension and preview page) sees only the protocol, the simulator and the messages. Each may import
// only what is below it. test/unit/architecture.test.ts runs these rules in `npm test`.
const layer = (name, path, mayImport) => ({
  name: `${name}-points-down`,
  comment: `${name} may import only ${mayImport.join(', ') || 'itself'} (and packages)`,
  severity: 'error',
  from: { path },
  to: { path: '^(server/src|client/src|protocol)/', pathNot: [path, ...mayImport] },
});
const messages = '^server/src/messages/'; // our words in each language (issue 22): the simulator words its text too
const simulator = '^server/src/simulator/';
const protocol = '^protocol/';
const service = '^server/src/service/';
const host = '^server/src/host/';
const lsp = '^server/src/lsp/';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    layer('messages', messages, []),
    layer('simulator', simulator, [messages]),
    layer('protocol', protocol, [simulator, messages]),
    layer('service', service, [simulator, protocol, messages]),
    layer('host', host, [service, simulator, protocol, messages]),
    layer('lsp', lsp, [host, service, simulator, protocol, messages]),
    layer('client', '^client/src/', [protocol, simulator, messages]),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|server/generated)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
