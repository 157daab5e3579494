import { Module } from '@nestjs/common';
import { EditionsController } from './editions.controller.js';
import { EditionsService } from './editions.service.js';

@Module({
  controllers: [EditionsController],
  providers: [EditionsService],
  exports: [EditionsService],
})
export class EditionsModule {}
