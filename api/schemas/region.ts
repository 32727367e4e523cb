/** The region and the catalogue rows (clinics, units, trainees) as the API reads and writes them. */
import { Type, type Static } from '@sinclair/typebox';
import { Clinic, Id, IsoDate, Period, ProfileId, RuleOverrides, Trainee, Unit } from '../../solver/domain/schemas.ts';

export const Region = Type.Object({
  name: Type.String({ minLength: 1 }),
  profile: ProfileId,
  rules: RuleOverrides,
  horizon: Period,
  /** The planning day the studierektor chose; absent: today. */
  planFrom: Type.Optional(IsoDate),
  version: Type.Integer(),
});
export type Region = Static<typeof Region>;

export const RegionBody = Region;

/** The region as read: with the API's today, so that views mark the planning day (planFrom, else today). */
export const RegionRead = Type.Composite([Region, Type.Object({ today: IsoDate })]);
export type RegionRead = Static<typeof RegionRead>;
export type RegionBody = Static<typeof RegionBody>;

const version = Type.Object({ version: Type.Integer() });
/** A PUT carries the row without its id (the path names it) and the version the client read. */
const putOf = <T extends typeof Clinic | typeof Unit | typeof Trainee>(s: T) =>
  Type.Composite([Type.Omit(s, ['id']), Type.Object({ id: Type.Optional(Id), version: Type.Integer({ minimum: 1 }) })]);

export const ClinicRow = Type.Composite([Clinic, version]);
export type ClinicRow = Static<typeof ClinicRow>;
export const ClinicPut = putOf(Clinic);
export type ClinicPut = Static<typeof ClinicPut>;

export const UnitRow = Type.Composite([Unit, version]);
export type UnitRow = Static<typeof UnitRow>;
export const UnitPut = putOf(Unit);
export type UnitPut = Static<typeof UnitPut>;

export const TraineeRow = Type.Composite([Trainee, version]);
export type TraineeRow = Static<typeof TraineeRow>;
export const TraineePut = putOf(Trainee);
export type TraineePut = Static<typeof TraineePut>;

export const ImportCounts = Type.Object({
  counts: Type.Object({
    units: Type.Optional(Type.Integer()),
    clinics: Type.Optional(Type.Integer()),
    trainees: Type.Optional(Type.Integer()),
  }),
});
export type ImportCounts = Static<typeof ImportCounts>;
