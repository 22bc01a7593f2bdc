import { Menu, type MenuItemConstructorOptions } from 'electron'

/** A minimal menu: the page handles Ctrl+Z itself (tag undo), so no Edit-menu accelerators steal it. */
export function installMenu(isMac: boolean): void {
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    { label: 'Edit', submenu: [{ role: 'copy' }, { role: 'selectAll' }] },
    { label: 'View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }] }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
