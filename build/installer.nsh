; Rebate Desk installer additions. The database and backups live in %APPDATA%\Rebate Desk and are
; kept on uninstall (deleteAppDataOnUninstall: false): finance data is never removed by an uninstall.
!macro customUnInstall
  DetailPrint "Rebate Desk data in $APPDATA\Rebate Desk is kept."
!macroend
