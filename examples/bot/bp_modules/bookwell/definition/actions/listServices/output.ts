/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const output = {
  schema: z
    .object({
      services: z.array(
        z
          .object({
            id: z.string(),
            name: z.string(),
            nameAr: z
              .union([z.string(), z.null()])
              .metadata({ def: { typeName: "ZodNullable" } }),
            durationMin: z.number(),
            price: z.number(),
            currency: z.string(),
            locationIds: z.array(z.string()),
          })
          .catchall(z.never()),
      ),
    })
    .catchall(z.never()),
};
