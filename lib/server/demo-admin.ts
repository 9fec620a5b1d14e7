import { isDemoMode } from "./config";

export const DEMO_ADMIN_EMAIL = "admin@example.com";
export const DEMO_ADMIN_PASSWORD = "dingtalk-demo";

/** The demo administrator's sign-in, shown on the login page in demo mode only. */
export function demoAdminCredentials(env: NodeJS.ProcessEnv = process.env): { email: string; password: string } | null {
  if (!isDemoMode(env)) return null;
  // A password chosen through ADMIN_PASSWORD is the operator's secret: never shown.
  return {
    email: env.ADMIN_EMAIL ?? DEMO_ADMIN_EMAIL,
    password: env.ADMIN_PASSWORD ? "(ADMIN_PASSWORD)" : DEMO_ADMIN_PASSWORD,
  };
}
