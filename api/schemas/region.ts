/** The region and the catalogue rows (clinics, units, trainees) as the API reads and writes them. */
import { Type, type Static } from '@sinclair/typebox';
import { Clinic, Id, IsoDate, Period, ProfileId, RuleOverrides, Trainee, Unit } from '../../solver/domain/schemas.ts';
import { Version } from './common.ts';

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

export const RegionBody = Type.Composite([Type.Omit(Region, ['version']), Type.Object({ version: Version })]);
export type RegionBody = Static<typeof RegionBody>;

const version = Type.Object({ version: Type.Integer() });
/** A PUT carries the row without its id (the path names it) and the version the client read. */
const putOf = <T extends typeof Clinic | typeof Unit | typeof Trainee>(s: T) =>
  Type.Composite([Type.Omit(s, ['id']), Type.Object({ id: Type.Optional(Id), version: Version })]);

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
    /** A placements sheet: placements imported, of them before the planning day (history) and after it (agreed), and placements they replaced. */
    placements: Type.Optional(Type.Integer()),
    history: Type.Optional(Type.Integer()),
    agreed: Type.Optional(Type.Integer()),
    replaced: Type.Optional(Type.Integer()),
  }),
});
export type ImportCounts = Static<typeof ImportCounts>;

/** How to read an empty regulation for a start from 2021-07-01 (imports.ts): a choice, or ask. */
export const RegulationQuery = Type.Object({
  regulation: Type.Optional(Type.Union([Type.Literal('2015:8'), Type.Literal('2021:8'), Type.Literal('ask')])),
});

/** The last list import that can be undone. */
export const LastImport = Type.Object({
  /** What was imported; `count` is how many rows (trainees, clinics) or placements it brought. */
  entity: Type.Union([Type.Literal('trainees'), Type.Literal('clinics'), Type.Literal('placements')]),
  at: Type.String(),
  user: Type.Union([Type.String(), Type.Null()]),
  count: Type.Integer(),
});
export const LastImportBody = Type.Object({ last: Type.Union([LastImport, Type.Null()]) });
export const UndoneImport = Type.Object({ undone: LastImport });
export type LastImport = Static<typeof LastImport>;
export type LastImportBody = Static<typeof LastImportBody>;
export type UndoneImport = Static<typeof UndoneImport>;
