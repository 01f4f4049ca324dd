; Inno Setup script for the Windows installer. Build the bundle first (pyinstaller pipdesk.spec),
; then: iscc /DVersion=0.1.0 resources\packaging\pipdesk.iss  → dist\pipdesk-0.1.0-setup.exe
#ifndef Version
  #define Version "0.1.0"
#endif

[Setup]
AppId={{6C0F5E1E-2B7B-4F5B-9C8E-5D3A1E0B7A11}
AppName=pipdesk
AppVersion={#Version}
AppPublisher=pipdesk
DefaultDirName={autopf}\pipdesk
DefaultGroupName=pipdesk
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=pipdesk-{#Version}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\pipdesk.exe
ChangesAssociations=yes

[Files]
Source: "..\..\dist\pipdesk-{#Version}\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\pipdesk"; Filename: "{app}\pipdesk.exe"
Name: "{userdesktop}\pipdesk"; Filename: "{app}\pipdesk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Run]
Filename: "{app}\pipdesk.exe"; Description: "Start pipdesk"; Flags: nowait postinstall skipifsilent

; Plan books (.pipdesk) open with pipdesk from Explorer; pipdesk.exe takes the file as its argument.
; Plan files end in .json, which Windows associates by its last extension only: they stay JSON.
[Registry]
Root: HKA; Subkey: "Software\Classes\.pipdesk\OpenWithProgids"; ValueType: string; ValueName: "pipdesk.PlanBook"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\pipdesk.PlanBook"; ValueType: string; ValueName: ""; ValueData: "pipdesk plan book"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\pipdesk.PlanBook\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\pipdesk.exe,0"
Root: HKA; Subkey: "Software\Classes\pipdesk.PlanBook\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\pipdesk.exe"" ""%1"""
