/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const input = {
  schema: z
    .object({
      phone: z.string().title("Phone").describe("E.164"),
    })
    .catchall(z.never()),
};
