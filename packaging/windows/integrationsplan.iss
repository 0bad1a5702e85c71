; Inno Setup 6 script: a per-user installer of the one-folder application (no administrator rights needed, as
; on municipal laptops), with a start-menu entry, the association of sync files (*.ipsync) and an uninstaller
; that keeps the user's data (databases, settings and backups live in the user's own folders, never in {app}).
;
; Built by packaging/build.py --installer, which passes the version (from src/integrationsplan/__init__.py,
; the only place it is written), the application folder and the icon:
;   iscc /DAppVersion=0.1.0 /DSourceDir=dist\integrationsplan /DIconFile=build\stage\integrationsplan.ico
;        /Odist packaging\windows\integrationsplan.iss

#ifndef AppVersion
  #error Pass /DAppVersion=… (packaging/build.py does)
#endif
#ifndef SourceDir
  #error Pass /DSourceDir=… (the folder PyInstaller built)
#endif
#ifndef IconFile
  #error Pass /DIconFile=… (packaging/build.py renders it from resources/icons/integrationsplan.svg)
#endif

[Setup]
AppId={{5B0E3C1E-6A2B-4C1F-9D57-2E7A6F1B9C40}
AppName=Integrationsplan
AppVersion={#AppVersion}
AppVerName=Integrationsplan {#AppVersion}
AppPublisher=Integrationsplan
DefaultDirName={localappdata}\Programs\Integrationsplan
DefaultGroupName=Integrationsplan
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=Integrationsplan-{#AppVersion}-Setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\Integrationsplan.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes

[Languages]
Name: "de"; MessagesFile: "compiler:Languages\German.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "uk"; MessagesFile: "compiler:Languages\Ukrainian.isl"
Name: "tr"; MessagesFile: "compiler:Languages\Turkish.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the program's own files; an older version's leftovers must not be loaded by the new one.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\Integrationsplan"; Filename: "{app}\Integrationsplan.exe"
Name: "{group}\{cm:UninstallProgram,Integrationsplan}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\Integrationsplan"; Filename: "{app}\Integrationsplan.exe"; Tasks: desktopicon

[Registry]
; Sync files open in the program (per user: HKCU\Software\Classes, through HKA with the lowest privileges).
Root: HKA; Subkey: "Software\Classes\.ipsync"; ValueType: string; ValueName: ""; ValueData: "Integrationsplan.SyncFile"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.ipsync\OpenWithProgids"; ValueType: string; ValueName: "Integrationsplan.SyncFile"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Integrationsplan.SyncFile"; ValueType: string; ValueName: ""; ValueData: "Integrationsplan-Austauschdatei"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Integrationsplan.SyncFile\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\Integrationsplan.exe,0"
Root: HKA; Subkey: "Software\Classes\Integrationsplan.SyncFile\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\Integrationsplan.exe"" ""%1"""

[Run]
Filename: "{app}\Integrationsplan.exe"; Description: "{cm:LaunchProgram,Integrationsplan}"; Flags: nowait postinstall skipifsilent

; Uninstalling removes {app} and the entries above only. The databases, settings and backups stay where the
; program keeps them (the user's documents and application-data folders, see README.md).
