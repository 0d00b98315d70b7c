import { dd, ddAdd, ddMultiply, twoProduct } from "./double-double.js";
import { LN2_HI, LN2_LO } from "./exp.js";

const INV_LN2 = 1.4426950408889634;
const LN2_LO2 = 1.1612227229362532e-26; // ln 2 − LN2_HI − LN2_LO
// 1/n! for n = 0..5 as double-doubles (1/0! … 1/2! are exact), higher terms in plain doubles
const FACT_HI = [1, 1, 0.5, 0.16666666666666666, 0.041666666666666664, 0.008333333333333333];
const FACT_LO = [0, 0, 0, 9.25185853854297e-18, 2.3129646346357427e-18, 1.1564823173178714e-19];
const F6 = 0.001388888888888889;
const F7 = 0.0001984126984126984;
const F8 = 2.48015873015873e-5;
const F9 = 2.7557319223985893e-6;
const F10 = 2.755731922398589e-7;
const F11 = 2.505210838544172e-8;
const F12 = 2.08767569878681e-9;
const F13 = 1.6059043836821613e-10;
const F14 = 1.1470745597729725e-11;
const F15 = 7.647163731819816e-13;
const F16 = 4.779477332387385e-14;

/**
 * e^(h + l) = 2^k·(dd.hi + dd.lo), about 2⁻¹⁰⁰ relative, for |l| ≤ ulp(h): returns k (3000 for
 * h > 710, −3000 for h < −746, past overflow and underflow). x = k·ln 2 + r with ln 2 in three
 * parts (k·LN2_HI exact, h − k·LN2_HI exact by Sterbenz), then e^r's Taylor series to r¹⁶
 * (|r| ≤ 0.35: the rest is below 2⁻⁷⁴), its first six terms in double-double.
 */
export function expDoubleDouble(h: number, l: number): number {
  if (h > 710) return 3000;
  if (h < -746) return -3000;
  const t = h * INV_LN2;
  const k = t < 0 ? -Math.floor(0.5 - t) : Math.floor(t + 0.5);
  // r = h + l − k·ln 2, ln 2 in three parts: k·LN2_HI is exact and h − k·LN2_HI is exact (Sterbenz)
  const head = h - k * LN2_HI;
  twoProduct(k, LN2_LO);
  ddAdd(head, l - k * LN2_LO2, -dd.hi, -dd.lo);
  const rH = dd.hi;
  const rL = dd.lo;
  const q = F6 + rH * (F7 + rH * (F8 + rH * (F9 + rH * (F10 + rH * (F11 + rH * (F12 + rH * (F13 + rH * (F14 + rH * (F15 + rH * F16)))))))));
  dd.hi = q;
  dd.lo = 0;
  for (let n = 5; n >= 0; n--) {
    ddMultiply(dd.hi, dd.lo, rH, rL);
    ddAdd(dd.hi, dd.lo, FACT_HI[n], FACT_LO[n]);
  }
  return k;
}

