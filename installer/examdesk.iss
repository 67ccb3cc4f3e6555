; Inno Setup script for ExamDesk on Windows (Inno Setup 6).
; Build the one-folder bundle first (pyinstaller build.spec on Windows), then:
;   iscc /DAppVersion=0.1.0 installer\examdesk.iss
; Output: dist\ExamDesk-<version>-setup.exe
;
; Per-machine install into Program Files; Start-menu entries for each role; the uninstaller
; removes the program only: exam data (in the data folder, never under {app}) is kept.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{3CE164F5-C74D-512D-BDE6-ED38EDD583F0}
AppName=ExamDesk
AppVersion={#AppVersion}
AppPublisher=ExamDesk
DefaultDirName={autopf}\ExamDesk
DefaultGroupName=ExamDesk
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=ExamDesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\examdesk-gui.exe

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\examdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\ExamDesk 考生端 (Candidate)"; Filename: "{app}\examdesk-gui.exe"; Parameters: "--mode candidate"
Name: "{group}\ExamDesk 监考端 (Proctor)"; Filename: "{app}\examdesk-gui.exe"; Parameters: "--mode proctor"
Name: "{group}\ExamDesk 考评端 (Examiner)"; Filename: "{app}\examdesk-gui.exe"; Parameters: "--mode examiner"
Name: "{group}\ExamDesk 管理端 (Admin)"; Filename: "{app}\examdesk-gui.exe"; Parameters: "--mode admin"
Name: "{group}\卸载 ExamDesk (Uninstall)"; Filename: "{uninstallexe}"

[UninstallDelete]
; Only files the program itself may leave under {app}; the data folder is never listed here.
Type: filesandordirs; Name: "{app}\__pycache__"
