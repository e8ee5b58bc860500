package io.jlns.cli;

import java.util.List;

/**
 * What the IPsec layer shows of its SAs to {@code show crypto ipsec sa}. Until the layer runs,
 * {@link #NONE} has none, and the command shows the crypto-map interfaces alone, as IOS does
 * before any peer connects.
 */
public interface IpsecView {
  /** The SA blocks for one crypto-map interface, already in IOS layout. */
  List<String> saBlocks(String iface);

  IpsecView NONE = iface -> List.of();
}
