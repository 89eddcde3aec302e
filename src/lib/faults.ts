// Named points where a test makes the process fail, Medusa-style: a flow
// calls `faultPoint('refund.gateway_answered')` after each step, and a test
// arms one to prove that a failure there leaves nothing half-done (and that
// the recovery path finishes the work exactly once). Inert unless armed, and
// arming is refused outside the test runner.
export class InjectedFault extends Error {
  constructor(readonly point: string) {
    super(`injected fault at ${point}`);
    this.name = 'InjectedFault';
  }
}

const armed = new Set<string>();

export function armFault(point: string): void {
  if (!process.env.VITEST) throw new Error('faults can only be injected under the test runner');
  armed.add(point);
}

/** Throws once at `point` if a test armed it. */
export function faultPoint(point: string): void {
  if (armed.size > 0 && armed.delete(point)) throw new InjectedFault(point);
}
