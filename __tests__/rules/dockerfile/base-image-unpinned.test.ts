import rule from '../../../rules/dockerfile/base-image-unpinned.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM python:3.12-slim\n',
    { name: 'digest without a tag', code: 'FROM node@sha256:9d3b6a6e4c1c7d0d1d5b1f0f6f0b4c9b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f\n' },
    { name: 'latest, but pinned by digest', code: 'FROM node:latest@sha256:9d3b6a6e4c1c7d0d1d5b1f0f6f0b4c9b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f\n' },
    { name: 'scratch', code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n' },
    { name: 'an earlier stage is not an image', code: 'FROM node:20-alpine AS deps\nRUN npm ci\nFROM deps AS build\nFROM DEPS\n' },
    { name: 'ARG default supplies the tag', code: 'ARG BASE=python:3.12\nFROM ${BASE}\n' },
    { name: 'ARG tag', code: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-alpine\n' },
    { name: 'ARG without a default: the image is unknown', code: 'ARG BASE\nFROM $BASE\n' },
    { name: 'registry with a port is not a tag', code: 'FROM registry.example.com:5000/team/app:1.4.2\n' },
    { name: 'lower-case from with platform flag', code: 'from --platform=$BUILDPLATFORM golang:1.22-alpine as build\n' },
    { name: 'a stage named through an ARG', code: 'ARG STAGE=build\nFROM alpine:3.20 AS build\nFROM ${STAGE}\n' },
  ],
  invalid: [
    {
      name: 'no tag',
      code: 'FROM ubuntu\nRUN apt-get update\n',
      errors: [{ line: 1, column: 6, endColumn: 12, message: '`ubuntu` has no tag, so it defaults to `latest`' }],
    },
    { name: 'latest', code: 'FROM node:latest AS build\n', errors: [{ line: 1, column: 6, endColumn: 17, message: 'uses the `latest` tag' }] },
    {
      name: 'every stage counts, builder included',
      code: 'FROM golang AS build\nRUN go build -o /app .\n\nFROM gcr.io/distroless/static-debian12:latest\nCOPY --from=build /app /app\n',
      errors: [
        { line: 1, message: '`golang`' },
        { line: 4, message: '`gcr.io/distroless/static-debian12:<version>`' },
      ],
    },
    {
      name: 'judged after ARG expansion',
      code: 'ARG BASE=python\nARG TAG=latest\nFROM ${BASE}\nFROM ${BASE}:${TAG}\n',
      errors: [
        { line: 3, message: '(`${BASE}` after ARG expansion) has no tag' },
        { line: 4, message: '`python:latest` (`${BASE}:${TAG}` after ARG expansion) uses the `latest` tag' },
      ],
    },
    { name: 'private registry, no tag', code: 'FROM registry.example.com:5000/team/app\n', errors: [{ line: 1, message: '`registry.example.com:5000/team/app:<version>`' }] },
    {
      name: 'FROM on continuation lines',
      code: 'FROM \\\n  --platform=linux/amd64 \\\n  alpine \\\n  AS base\n',
      errors: [{ line: 3, column: 3, endColumn: 9 }],
    },
  ],
});
