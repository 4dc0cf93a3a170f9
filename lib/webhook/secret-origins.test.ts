import { describe, expect, test } from "vitest";
import { endpointOrigins, keptSecretErrors } from "./secret-origins";

const KEPT = [{ name: "Authorization", value: null, secret: true }, { name: "X-Site", value: "a", secret: false }];

describe("endpointOrigins", () => {
  test("takes the origins of both endpoints, skipping empty and invalid ones", () => {
    expect(endpointOrigins({ onlineUrl: "https://hr.example.com/a?x=1", offlineUrl: "http://10.0.0.5:8080/b" })).toEqual(["https://hr.example.com", "http://10.0.0.5:8080"]);
    expect(endpointOrigins({ onlineUrl: " ", offlineUrl: "not a url" })).toEqual([]);
  });
});

describe("keptSecretErrors", () => {
  test.each([
    ["the same origin, another path", ["https://hr.example.com"], ["https://hr.example.com"], 0],
    ["no endpoint at all", [], ["https://hr.example.com"], 0],
    ["a new host", ["https://evil.example.net"], ["https://hr.example.com"], 1],
    ["the same host on another port", ["https://hr.example.com:8443"], ["https://hr.example.com"], 1],
    ["http instead of https", ["http://hr.example.com"], ["https://hr.example.com"], 1],
    ["nothing saved yet", ["https://hr.example.com"], [], 1],
  ])("%s -> %i error(s)", (_, targets, saved, count) => {
    const errors = keptSecretErrors(KEPT, targets, saved);
    expect(errors).toHaveLength(count);
    if (count) expect(errors[0]).toMatchObject({ path: "headers.0.value", code: "secret_needs_reentry" });
  });

  test("a secret typed again may go anywhere", () => {
    expect(keptSecretErrors([{ name: "Authorization", value: "Bearer new", secret: true }], ["https://evil.example.net"], ["https://hr.example.com"])).toEqual([]);
  });
});
