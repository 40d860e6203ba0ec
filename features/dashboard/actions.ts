"use server";

import { createElement } from "react";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { CoordinatorPanels } from "./components/dashboards";

/**
 * The coordinator dashboard's sections below the first screen, as rendered components: the page sends a placeholder
 * and its client component asks for them when the placeholder comes into view (decision 113). A read: nothing to
 * audit; the queries are scoped to the caller like the page's own.
 */
export const loadCoordinatorPanelsAction = defineAction({
  name: "loadCoordinatorPanels",
  schema: z.object({ hostCohort: z.string().max(64).optional() }),
  permission: "dashboard:view",
  run: async (input, { user }) => createElement(CoordinatorPanels, { user, hostCohortId: input.hostCohort }),
});
