package org.broadsheet.web.teavm;

import org.teavm.backend.wasm.TeaVMWasmGCHost;
import org.teavm.backend.wasm.WasmGCTarget;
import org.teavm.vm.spi.TeaVMHost;
import org.teavm.vm.spi.TeaVMPlugin;

/**
 * Turns on TeaVM's WasmGC compact mode (virtual tables as globals, no virtual-table callers), which
 * its Maven plugin does not expose. Only for a WasmGC build whose configuration sets the property
 * {@code broadsheet.compact} to {@code true}.
 */
public final class CompactWasm implements TeaVMPlugin {
  @Override
  public void install(TeaVMHost host) {
    TeaVMWasmGCHost wasm = host.getExtension(TeaVMWasmGCHost.class);
    if (wasm instanceof WasmGCTarget target
        && "true".equals(host.getProperties().getProperty("broadsheet.compact"))) {
      target.setCompactMode(true);
    }
  }
}
