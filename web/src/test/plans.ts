import { fromFloor } from '../lib/floorPlan/serialization';
import type { DraftBooth, PlanDraft } from '../lib/floorPlan/draft';
import { floorFixture } from './fixtures';

/** The editor's draft of the fixture floor. */
export const draft = (): PlanDraft => fromFloor(floorFixture()).plan;

/** The draft booth with this code. */
export const boothOf = (plan: PlanDraft, code: string): DraftBooth => plan.booths.find((b) => b.code === code)!;
