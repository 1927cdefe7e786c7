// The pipeline for sources other than a plain file: rules run on the objects a source yields,
// and each finding lands where the source's origin map says it was written, with its related
// places in the LSP diagnostic, the CLI's JSON and SARIF.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatJson, formatSarif } from '../../server/src/cli/report';
import { toReported } from '../../server/src/cli/check';
import { toDiagnostics } from '../../server/src/lsp/toDiagnostic';
import { parseFile } from '../../server/src/service/parse/documentStore';
import { LineIndex } from '../../server/src/service/parse/lineIndex';
import { ruleIds } from '../../server/src/service/rules/index';
import { defaultSettings } from '../../server/src/service/settings';
import { checkSource, type SourceObjects } from '../../server/src/service/sources/checkSource';
import type { OriginMap } from '../../server/src/service/sources/origins';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';
import { statefulSetYaml } from '../helpers/manifests';

const template = 'file:///chart/templates/sts.yaml';
const values = 'file:///chart/values.yaml';
const texts = new Map([[template, 'kind: StatefulSet\nspec:\n  terminationGracePeriodSeconds: {{ .Values.grace }}\n'], [values, 'image: x\ngrace: 0\n']]);
// Its findings: grace-period-zero, and service-missing (no Service named web).
const rendered = statefulSetYaml('web');

/** Everything was written by line 3 of the template, with the values line as the related place. */
const origins: OriginMap = {
  originOf: () => ({
    primary: { uri: template, start: texts.get(template)!.indexOf('terminationGrace'), end: texts.get(template)!.indexOf('{{') - 2 },
    related: [{ uri: values, start: 9, end: 17, message: 'the value comes from here' }],
  }),
};

function source(documentsText: string): SourceObjects {
  const lines = new Map([...texts].map(([uri, text]) => [uri, new LineIndex(text)]));
  return { uri: 'helm:file:///chart', documents: parseFile(documentsText), origins, linesOf: (uri) => lines.get(uri) };
}

test('a source finding lands on the origin, once per place, with its related range', () => {
  const checked = source(`${rendered}---\n${rendered}`); // the same template line writes two documents
  const { byUri } = checkSource(checked, defaultSettings, new WorkspaceIndex());
  assert.deepEqual([...byUri.keys()], [template]);
  const findings = byUri.get(template)!;
  assert.deepEqual(findings.map((f) => f.rule), ['grace-period-zero', 'service-missing']);
  const diagnostic = toDiagnostics(findings, checked.linesOf(template)!, checked.linesOf)[0]!;
  assert.deepEqual(diagnostic.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 31 } });
  assert.deepEqual(diagnostic.relatedInformation, [
    { location: { uri: values, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } } }, message: 'the value comes from here' },
  ]);
});

test('the CLI reports the related place in JSON and as a SARIF relatedLocation', () => {
  const checked = source(rendered);
  const finding = checkSource(checked, defaultSettings, new WorkspaceIndex()).byUri.get(template)![0]!;
  const reported = toReported('chart/templates/sts.yaml', finding, checked.linesOf(template)!, checked.linesOf);
  const json = JSON.parse(formatJson([reported]));
  assert.deepEqual(json[0].related, [{ file: '/chart/values.yaml', line: 2, column: 1, message: 'the value comes from here' }]);
  assert.equal(json[0].line, 3);
  const sarif = JSON.parse(formatSarif([reported], ruleIds, '0.0.0'));
  const result = sarif.runs[0].results[0];
  assert.equal(result.relatedLocations[0].physicalLocation.artifactLocation.uri, '/chart/values.yaml');
  assert.equal(result.relatedLocations[0].physicalLocation.region.startLine, 2);
});

test('a finding the origin map cannot place is not reported anywhere else', () => {
  const nowhere: SourceObjects = { ...source(rendered), origins: { originOf: () => undefined } };
  assert.equal(checkSource(nowhere, defaultSettings, new WorkspaceIndex()).byUri.size, 0);
});
