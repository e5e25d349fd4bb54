import { v7 as uuidv7 } from 'uuid';
import { creditCode } from '../../support/clients.ts';

const NOW = '2026-11-28T09:00:00.000Z';

let counter = 0;

export function newClient(ownerLogin: string, overrides: Record<string, unknown> = {}): { id: string; set: Record<string, unknown> } {
  counter += 1;
  return {
    id: uuidv7(),
    set: {
      legalName: `测试客户 ${counter}`, englishName: `Client ${counter}`, creditCode: creditCode(counter * 7919),
      industry: 'power', region: 'BJ', sizeBand: 'large', rating: 'A', status: 'active', ownerLogin, teamCode: '',
      notes: '', tags: [], createdAt: NOW, updatedAt: NOW, ...overrides,
    },
  };
}

export function newContact(clientId: string, name = 'Wang Wei'): { id: string; set: Record<string, unknown> } {
  return { id: uuidv7(), set: { clientId, name, title: 'CFO', createdAt: NOW, updatedAt: NOW } };
}

export function newInteraction(clientId: string, notes = ''): { id: string; set: Record<string, unknown> } {
  return { id: uuidv7(), set: { clientId, type: 'meeting', occurredAt: NOW, notes, createdAt: NOW, updatedAt: NOW } };
}

export function newFeedback(clientId: string, capturedBy: string, csat: number, supersedesId: string | null = null): { id: string; set: Record<string, unknown> } {
  return {
    id: uuidv7(),
    set: { clientId, csat, channel: 'meeting', givenOn: '2026-11-28', capturedBy, supersedesId, createdAt: NOW, updatedAt: NOW },
  };
}

export function newProject(clientId: string): { id: string; set: Record<string, unknown> } {
  return {
    id: uuidv7(),
    set: {
      clientId, name: 'Wind farm', sector: 'renewables', currency: 'CNY', totalCostMinor: 1_000_000_00, debtAmountMinor: 700_000_00,
      ourCommitmentMinor: 200_000_00, tenorMonths: 180, marginBps: 150, stage: 'origination', createdAt: NOW, updatedAt: NOW,
    },
  };
}

export function newTask(clientId: string | null, assigneeLogin: string, details = ''): { id: string; set: Record<string, unknown> } {
  return { id: uuidv7(), set: { clientId, assigneeLogin, title: 'Send the term sheet', details, createdAt: NOW, updatedAt: NOW } };
}
