import { z } from "zod";
import { ROLES } from "../domain/roles";

/** The signed-in user as pages show them: name and roles, each role with its unit. */
export const viewerSchema = z.object({
  name: z.string(),
  roles: z.array(z.object({ role: z.enum(ROLES), unitName: z.string().nullable() })),
});
export type Viewer = z.infer<typeof viewerSchema>;
