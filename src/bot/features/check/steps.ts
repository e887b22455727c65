/**
 * The /check wizard's steps, in order. The "(n/4)" in each prompt is computed
 * from this list, so adding or removing a step renumbers every prompt.
 */
import type { WizardState } from '../../../storage/types.ts';

export type StepId = WizardState['step'];

interface Step {
  id: StepId;
  /** The locale key of the question asked at this step. */
  prompt(state: WizardState): string;
  /** True when a typed answer is accepted at this step (not only buttons). */
  typed: boolean;
}

export const STEPS: readonly Step[] = [
  { id: 'direction', prompt: () => 'check.wizard.direction_prompt', typed: false },
  { id: 'group', prompt: () => 'check.wizard.group_prompt', typed: false },
  { id: 'document', prompt: () => 'check.wizard.document_prompt', typed: true },
  { id: 'country', prompt: (s) => (s.direction === 'to_china' ? 'check.wizard.country_prompt_to_china' : 'check.wizard.country_prompt'), typed: true },
];

const indexOf = (id: StepId) => STEPS.findIndex((s) => s.id === id);

export function stepOf(id: StepId): Step {
  return STEPS[indexOf(id)]!;
}

/** 1-based position, for the "(n/4)" header. */
export function stepNumber(id: StepId): number {
  return indexOf(id) + 1;
}

export function previousStep(id: StepId): StepId {
  return STEPS[Math.max(0, indexOf(id) - 1)]!.id;
}

export const FIRST_STEP: StepId = STEPS[0]!.id;
