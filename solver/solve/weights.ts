/**
 * The soft goals of a cohort plan and what each costs, in one place. The objective is a sum of these
 * terms (all ≥ 0, in "month-equivalents"), so a reported objective and bound read as "about this many
 * months of waiting, or its equivalent, over the cohort".
 */
export const WEIGHTS = {
  /**
   * Extension of ST (the `extension` rule): per month that the trainee's last rotation ends after the
   * end of ST, plus per squared month. Above every other soft goal (a month costs more than moving an
   * agreed-upon rotation), and convex per trainee, so that delay is spread: two trainees a month late
   * cost less than one two months late, and those nearest their end go first.
   */
  extensionPerMonth: 150,
  extensionPerMonth2: 30,
  /**
   * Side time below plan: per full-time month a rotation is shorter than its planned length (the
   * recommended total side time, `total-side-time`). Below a month of extension, so a trainee who would
   * otherwise be extended does the minimum instead; above the gain of starting others a little earlier.
   */
  shortPerMonth: 30,
  /** Rotations early: per month a rotation starts after the trainee's first possible rotation day. */
  earlyPerMonth: 1,
  /**
   * Fairness (convex lateness): per squared month that a trainee's last rotation ends more than
   * `fairnessFreeMonths` after their first possible rotation day. Squaring makes one trainee waiting
   * a year cost more than twelve trainees waiting a month each, so nobody is left far behind.
   */
  fairnessPerMonth2: 0.1,
  fairnessFreeMonths: 24,
  /** Sensible order: internmedicin or psykiatri as the trainee's very last rotation. */
  lastRotation: 3,
  /** Wishes: per unit of wish weight when the wished rotation does not lie inside the wished window. */
  wish: 4,
  /**
   * Minimal change: per rotation whose start or clinic differs from the current plan. So high that a
   * placement moves only when it must (or keeping it would cost more than 100 months of waiting
   * elsewhere): re-planning an unchanged valid plan moves nothing. At 20, re-solving a valid greedy
   * plan moved about 68 rotations to save 5 % of the cost — a re-plan is not the place for that.
   */
  move: 100,
  /**
   * Clinic load even: per month at a clinic, divided by the clinic's number of places, so that between
   * clinics of one specialty the larger one takes proportionally more trainees.
   */
  loadPerMonth: 0.2,
} as const;

/**
 * Cost per trainee-slot of capacity the master could not honour (its artificial "over capacity" columns).
 * Far above any soft cost, so it is positive at convergence only when the limits cannot all hold.
 */
export const OVER_CAPACITY_COST = 10_000;
