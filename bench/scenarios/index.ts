import { coldScenario } from "./cold";
import { exportScenario } from "./export";
import { manyScenario } from "./many";
import { nodesScenario } from "./nodes";
import type { Scenario } from "./scenario";
import { dayScenario, saturationScenario } from "./typing";
import { versionsScenario } from "./versions";

/** Every scenario, in the order a run takes them: a new scenario is a file in this folder and a line here. */
export const SCENARIOS: readonly Scenario[] = [
  dayScenario,
  saturationScenario,
  nodesScenario,
  coldScenario,
  manyScenario,
  exportScenario,
  versionsScenario,
];
