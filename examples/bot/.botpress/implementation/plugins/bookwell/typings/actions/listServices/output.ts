/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

export type Output = {
  services: Array<{
    id: string;
    name: string;
    nameAr: string | null;
    durationMin: number;
    price: number;
    currency: string;
    locationIds: string[];
  }>;
};
