import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { setLocale } from '../../server/src/messages';
import { runPlan, simulate } from '../../server/src/simulator';
import { englishRuns } from '../englishRuns';

// Issue 22: the preview page runs the simulator in the editor's language (setLocale), so each
// frame's note of the timeline is Chinese there too: the first frame, the halted one, and the
// clauses appended to a frame (joined with '；', not '; '). English is simulatorRun.test.ts.

function plans(podManagementPolicy: string, replicas = 3) {
  return simulate({ statefulSet: { metadata: { name: 'web' }, spec: { replicas, podManagementPolicy } } }).plans;
}

setLocale('zh-cn');
after(() => setLocale('en'));

test('a run in Chinese: start, appended clauses, halted', () => {
  const frames = runPlan(plans('OrderedReady').create, { failingPod: 'web-1' });
  assert.equal(frames[0]?.note, '开始');
  assert.equal(frames[3]?.note, 'web-0 Ready；已等待 web-0 处于 Running 且 Ready');
  const last = frames.at(-1);
  assert.equal(last?.note, '已停止');
  assert.equal(last?.reason, 'web-1 永远不会 Ready；OrderedReady 会等待它，因此 web-2 永远不会被创建');
  // No space between Chinese words ("滚动更新 会等待" was one): the rolling update has a sentence of its own.
  assert.equal(runPlan(plans('OrderedReady').update, { failingPod: 'web-1' }).at(-1)?.reason, 'web-1 永远不会 Ready；滚动更新会等待它，因此 web-0 永远不会被更新');
});

test('no note or reason of a run holds an English sentence, whatever fails', () => {
  for (const policy of ['OrderedReady', 'Parallel']) {
    for (const [name, plan] of Object.entries(plans(policy))) {
      for (const failingPod of [undefined, 'web-0', 'web-1', 'web-2']) {
        for (const frame of runPlan(plan, failingPod ? { failingPod } : {})) {
          for (const text of [frame.note, frame.reason ?? '']) assert.deepEqual(englishRuns(text), [], `${policy} ${name} ${failingPod}: ${text}`);
        }
      }
    }
  }
});
