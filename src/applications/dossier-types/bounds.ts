import { z } from 'zod';

/**
 * The plausible range of every number a dossier carries. A bound is a typo guard, not a legal limit: it sits
 * well above the largest real value we know of, and low enough that every calculation stays exact in a
 * double and every explanation prints the number that was typed. The reasons are beside each bound.
 */
export const BOUNDS = {
  /** EPR obligations start with reporting year 2024 (Decree 05/2025); 2050 is Viet Nam's net-zero year
   *  (Decision 896/QD-TTg): no report or plan of ours reaches past it, so a later year is a typo. */
  eprYear: { min: 2024, max: 2050 },
  /** Eco-park and eco-enterprise criteria date from Decree 35/2022 (in force 2022); same upper year as above. */
  assessmentDate: { from: '2022-01-01', to: '2050-12-31' },
  /** GHG inventories reach back to the 2010 base year of the national inventory; same upper year as above. */
  ghgYear: { min: 2010, max: 2050 },
  /** 1,000,000 t of one product line in a year: Viet Nam's whole plastic consumption is about 9 Mt a year,
   *  so no single producer's line comes near. Grams × rate × Fs stay below 2^53. */
  kgPerProductLine: 1_000_000_000,
  /** Revenue or import value in VND: the largest exact integer in a double (≈ 9 × 10^15 VND ≈ 350 bn USD),
   *  several times the revenue of the largest Vietnamese group; any larger figure could not be stored exactly. */
  vnd: Number.MAX_SAFE_INTEGER,
  /** 10 TWh a year: about the output of the province's largest coal power plant, far above any consumer. */
  electricityMwh: 10_000_000,
  /** 10 Mt of fuel (or 10 PJ of gas in TJ) a year: more than the largest coal plant burns. */
  fuelQuantity: 10_000_000,
  /** 10 Mtoe a year: about a seventh of the country's final energy use; key users start at 1,000 TOE. */
  energyToe: 10_000_000,
  /** 10 Mt of waste a year: several times what the whole province generates. */
  wasteTonnes: 10_000_000,
  /** 100 MtCO2e: a fifth of the national inventory; the largest single plants emit about 20 Mt. */
  tco2e: 100_000_000,
  /** 100 MWp: about 60 ha of roof, above the largest rooftop and self-consumption arrays (tens of MW). */
  capacityKw: 100_000,
  /** The capacity bound running all 8,760 hours of a year: no array can produce more. */
  kwhPerYear: 100_000 * 8_760,
} as const;

/** A measured quantity: at least 0, at most `max`, and no finer than the calculators' unit (3 decimals). */
export const quantity = (max: number) => z.number().min(0).max(max).multipleOf(0.001);
