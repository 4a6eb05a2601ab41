/**
 * The classified carrier ledger (涉密载体台账): carriers with level, duration and need-to-know scope, one
 * record per copy with its custodian and place, safes, and the signed history of every copy (hand-over,
 * lending, sending and receiving, carrying out, repair, return, archiving, change and declassification). Copying
 * ({@link cn.baomi.server.carrier.CopyingService}), excerpts and compilations
 * ({@link cn.baomi.server.carrier.CompilationService}), carrying out ({@link cn.baomi.server.carrier.CarryOutService})
 * and destruction through a list ({@link cn.baomi.server.carrier.DestructionService}) go through the approval
 * module and act on its decision events. Who sees what is decided in {@link cn.baomi.server.carrier.CarrierAccess}
 * (docs/decisions/carrier-ledger.md). Other modules use {@link cn.baomi.server.carrier.CarrierHoldings} to list what
 * a person still answers for and to revoke their scope entries when they leave the post; everything else is internal.
 */
package cn.baomi.server.carrier;
