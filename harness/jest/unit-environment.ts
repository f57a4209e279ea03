// The unit and e2e projects' jest environment: jest's node environment, and the async-context
// storages a test file started disabled when it ends (./test-file-storages.ts says why).
import NodeEnvironment from 'jest-environment-node';
import { releaseStorages, watchStorages } from './test-file-storages';

watchStorages();

export default class UnitEnvironment extends NodeEnvironment {
  override async teardown(): Promise<void> {
    await super.teardown();
    releaseStorages();
  }
}
