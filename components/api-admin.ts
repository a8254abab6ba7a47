"use client";

import {
  adminUnitSchema,
  adminUserSchema,
  setupResponseSchema,
  unitDeletedSchema,
  userImportResponseSchema,
} from "@/contracts/admin";
import { oidcMappingSchema } from "@/contracts/oidc-mappings";
import { adminTemplateSchema, templateDeletedSchema } from "@/contracts/templates";
import { request } from "./api-client";

const unitUrl = (id: string) => `/api/admin/units/${id}`;
const userUrl = (id: string) => `/api/admin/users/${id}`;
const templateUrl = (id: string) => `/api/admin/templates/${id}`;

/**
 * The browser's calls of the administration API and the first-run page. Forms send their raw
 * values: the server validates them and answers with a readable message.
 */
export const adminApi = {
  createUnit: (unit: Record<string, unknown>) => request("POST", "/api/admin/units", adminUnitSchema, unit),
  changeUnit: (id: string, change: Record<string, unknown>) =>
    request("PATCH", unitUrl(id), adminUnitSchema, change),
  deleteUnit: (id: string) => request("DELETE", unitUrl(id), unitDeletedSchema),
  createUser: (user: Record<string, unknown>) => request("POST", "/api/admin/users", adminUserSchema, user),
  editUser: (id: string, change: Record<string, unknown>) =>
    request("PATCH", userUrl(id), adminUserSchema, change),
  /** Checks a CSV (the preview) or, with `commit`, creates every row or none. */
  importUsers: (csv: string, commit: boolean) =>
    request("POST", "/api/admin/users/import", userImportResponseSchema, { csv, commit }),
  createOidcMapping: (mapping: Record<string, unknown>) =>
    request("POST", "/api/admin/oidc-mappings", oidcMappingSchema, mapping),
  deleteOidcMapping: (id: string) => request("DELETE", `/api/admin/oidc-mappings/${id}`, unitDeletedSchema),
  createTemplate: (template: Record<string, unknown>) =>
    request("POST", "/api/admin/templates", adminTemplateSchema, template),
  changeTemplate: (id: string, change: Record<string, unknown>) =>
    request("PATCH", templateUrl(id), adminTemplateSchema, change),
  deleteTemplate: (id: string) => request("DELETE", templateUrl(id), templateDeletedSchema),
  setUp: (values: Record<string, string>) => request("POST", "/api/setup", setupResponseSchema, values),
};
