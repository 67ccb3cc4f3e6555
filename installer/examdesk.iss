; Inno Setup script for ExamDesk on Windows (Inno Setup 6).
; Build the one-folder bundle first (pyinstaller build.spec on Windows), then:
;   iscc /DAppVersion=0.1.0 installer\examdesk.iss
; Output: dist\ExamDesk-<version>-setup.exe
;
; Per-machine install into Program Files; Start-menu entries for each role; the uninstaller
; removes the program only: exam data (in the data folder, never under {app}) is kept.
;
; Centre mode: a page after the tasks asks for the centre server's address, the seat's name and the
; room; given an address, every shortcut starts `examdesk-gui --centre URL --mode ROLE [--station SEAT]
; [--room ROOM]` (docs/centre.md, section 3). Unattended, for a room of PCs:
;   ExamDesk-<version>-setup.exe /VERYSILENT /CENTRE=https://10.0.0.2:8443 /ROOM=R101 /TASKS=desktopcandidate
; (/STATION=R101-07 per PC; without it each PC is named by its host name). Leave the address empty
; for a single PC.

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

[CustomMessages]
chinesesimplified.DesktopIcons=桌面快捷方式：
english.DesktopIcons=Shortcuts on the desktop:
chinesesimplified.DesktopCandidate=考生端（考生用的考试机）
english.DesktopCandidate=Candidate (a candidate's PC)
chinesesimplified.DesktopProctor=监考端（监考员的电脑）
english.DesktopProctor=Proctor (a proctor's PC)
chinesesimplified.CentreTitle=考点模式
english.CentreTitle=Centre mode
chinesesimplified.CentreQuestion=本机是否连接考点服务器？
english.CentreQuestion=Does this PC work with a centre server?
chinesesimplified.CentreHelp=考点内的电脑请填写考点服务器地址；单机使用请留空。座位名称留空时使用本机计算机名。
english.CentreHelp=On a PC of a test centre, give the centre server's address; leave it empty for a single PC. Without a seat name the PC's own name is used.
chinesesimplified.CentreAddress=考点服务器地址（https://主机:端口）：
english.CentreAddress=Centre server address (https://HOST:PORT):
chinesesimplified.CentreStation=座位（考试机）名称，如 R101-07：
english.CentreStation=Seat name, e.g. R101-07:
chinesesimplified.CentreRoom=考场，如 R101：
english.CentreRoom=Room, e.g. R101:
chinesesimplified.CentreNotHttps=考点服务器地址须为 https://主机:端口，例如 https://10.0.0.2:8443。
english.CentreNotHttps=The centre server's address is https://HOST:PORT, e.g. https://10.0.0.2:8443.
chinesesimplified.CentreQuote=地址、座位和考场中不能含有双引号。
english.CentreQuote=The address, seat and room cannot contain double quotes.

[Tasks]
Name: "desktopcandidate"; Description: "{cm:DesktopCandidate}"; GroupDescription: "{cm:DesktopIcons}"; Flags: unchecked
Name: "desktopproctor"; Description: "{cm:DesktopProctor}"; GroupDescription: "{cm:DesktopIcons}"; Flags: unchecked

[Icons]
Name: "{group}\ExamDesk 考生端 (Candidate)"; Filename: "{app}\examdesk-gui.exe"; Parameters: "--mode candidate{code:CentreArgs}"
Name: "{group}\ExamDesk 监考端 (Proctor)"; Filename: "{app}\examdesk-gui.exe"; Parameters: "--mode proctor{code:CentreArgs}"
Name: "{group}\ExamDesk 考评端 (Examiner)"; Filename: "{app}\examdesk-gui.exe"; Parameters: "--mode examiner{code:CentreArgs}"
Name: "{group}\ExamDesk 管理端 (Admin)"; Filename: "{app}\examdesk-gui.exe"; Parameters: "--mode admin{code:CentreArgs}"
Name: "{group}\卸载 ExamDesk (Uninstall)"; Filename: "{uninstallexe}"
Name: "{autodesktop}\ExamDesk 考生端 (Candidate)"; Filename: "{app}\examdesk-gui.exe"; Parameters: "--mode candidate{code:CentreArgs}"; Tasks: desktopcandidate
Name: "{autodesktop}\ExamDesk 监考端 (Proctor)"; Filename: "{app}\examdesk-gui.exe"; Parameters: "--mode proctor{code:CentreArgs}"; Tasks: desktopproctor

[UninstallDelete]
; Only files the program itself may leave under {app}; the data folder is never listed here.
Type: filesandordirs; Name: "{app}\__pycache__"

[Code]
var
  CentrePage: TInputQueryWizardPage;

{ Why the centre answers are refused, or '' when they are fine (an empty address: a single PC). }
function CentreProblem(Address, Station, Room: String): String;
begin
  Result := '';
  if (Pos('"', Address) > 0) or (Pos('"', Station) > 0) or (Pos('"', Room) > 0) then
    Result := CustomMessage('CentreQuote')
  else if (Address <> '') and (Pos('https://', Lowercase(Address)) <> 1) then
    Result := CustomMessage('CentreNotHttps');
end;

{ An unattended install checks /CENTRE, /STATION and /ROOM before anything is installed. }
function InitializeSetup(): Boolean;
var
  Problem: String;
begin
  Problem := CentreProblem(Trim(ExpandConstant('{param:CENTRE|}')), Trim(ExpandConstant('{param:STATION|}')),
                           Trim(ExpandConstant('{param:ROOM|}')));
  Result := Problem = '';
  if not Result then
    SuppressibleMsgBox(Problem, mbError, MB_OK, IDOK);
end;

procedure InitializeWizard();
begin
  CentrePage := CreateInputQueryPage(wpSelectTasks, CustomMessage('CentreTitle'), CustomMessage('CentreQuestion'),
                                     CustomMessage('CentreHelp'));
  CentrePage.Add(CustomMessage('CentreAddress'), False);
  CentrePage.Add(CustomMessage('CentreStation'), False);
  CentrePage.Add(CustomMessage('CentreRoom'), False);
  CentrePage.Values[0] := ExpandConstant('{param:CENTRE|}');
  CentrePage.Values[1] := ExpandConstant('{param:STATION|}');
  CentrePage.Values[2] := ExpandConstant('{param:ROOM|}');
end;

function NextButtonClick(CurPageID: Integer): Boolean;
var
  Problem: String;
begin
  Result := True;
  if CurPageID = CentrePage.ID then
  begin
    Problem := CentreProblem(Trim(CentrePage.Values[0]), Trim(CentrePage.Values[1]), Trim(CentrePage.Values[2]));
    if Problem <> '' then
    begin
      MsgBox(Problem, mbError, MB_OK);
      Result := False;
    end;
  end;
end;

{ The shortcuts' centre-mode arguments: none for a single PC. }
function CentreArgs(Param: String): String;
var
  Address, Station, Room: String;
begin
  Result := '';
  Address := Trim(CentrePage.Values[0]);
  Station := Trim(CentrePage.Values[1]);
  Room := Trim(CentrePage.Values[2]);
  if Address = '' then
    exit;
  Result := ' --centre "' + Address + '"';
  if Station <> '' then
    Result := Result + ' --station "' + Station + '"';
  if Room <> '' then
    Result := Result + ' --room "' + Room + '"';
end;
