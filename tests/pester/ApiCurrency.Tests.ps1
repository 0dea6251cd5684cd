# The 2026 changes of the API (contract §8 items 1–4) through the built module, asserted on the wire.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'AuthConfigFixtures.ps1')
    . (Join-Path $PSScriptRoot 'AuthConfigTestSupport.ps1')
    $emulator = Start-TestEmulator
    function Get-Patch { @(Get-ApiRequest $emulator | Where-Object method -eq 'PATCH') }
}
AfterAll { Stop-TestEmulator $emulator }

Describe 'Answers of update, enable/disable and delete' {
    BeforeEach {
        Reset-ComposioEmulator $emulator
        $managed = New-ManagedConfig $emulator github 'answers'
    }

    It 'goes on from the {success, message} answers, and the server''s message shows in -Verbose' {
        $verbose = Set-ComposioAuthConfig -Id $managed -Name 'renamed' -Verbose 4>&1 | Out-String
        $verbose | Should -Match "PATCH /auth_configs/$managed`: Auth config $managed updated"
        Disable-ComposioAuthConfig -Id $managed
        (Get-RawConfig $emulator $managed).status | Should -Be 'DISABLED'
        Enable-ComposioAuthConfig -Id $managed -PassThru | ForEach-Object Status | Should -Be 'ENABLED'
    }

    It 'outputs the revocation job a delete answers alongside success' {
        $removed = Remove-ComposioAuthConfig -Id $managed -RevokeOnDelete -Force
        $removed.RevokeJobId | Should -Match '^pj_[A-Za-z0-9]+$'
        (Get-ApiRequest $emulator | Where-Object method -eq 'DELETE').query | Should -Be 'revoke_on_delete=true'
    }
}

Describe 'Set-ComposioAuthConfig -SharedCredentials' {
    BeforeEach {
        Reset-ComposioEmulator $emulator
        $custom = New-CustomConfig $emulator notion 'shared custom'
        $managed = New-ManagedConfig $emulator github 'shared managed'
        Clear-ComposioEmulatorRequest $emulator
    }

    It 'sends shared_credentials in the default variant, with a SecureString read as its text' {
        Set-ComposioAuthConfig -Id $managed -SharedCredentials @{ org_token = (ConvertTo-Secure 'org-token-secret-0001') }
        (Get-Patch)[0].body_text | Should -Be '{"type":"default","shared_credentials":{"org_token":"org-token-secret-0001"}}'
    }

    It 'sends shared_credentials in the custom variant too' {
        Set-ComposioAuthConfig -Id $custom -SharedCredentials @{ team = 'team-secret-value-1' }
        (Get-Patch)[0].body_text | Should -Be '{"type":"custom","shared_credentials":{"team":"team-secret-value-1"}}'
    }

    It 'merges key by key: a later key joins, a $null value removes one' {
        Set-ComposioAuthConfig -Id $managed -SharedCredentials @{ a = 'first-secret-value'; b = 'second-secret-val' }
        Set-ComposioAuthConfig -Id $managed -SharedCredentials @{ b = $null; c = 'third-secret-value' }
        (Get-Patch)[1].body_text | Should -Match '"b":null'
        @((Get-RawConfig $emulator $managed).shared_credentials.PSObject.Properties.Name | Sort-Object) | Should -Be @('a', 'c')
    }

    It 'shows the keys but never a value, in WhatIf, -Verbose, -Debug and the output object' {
        $secret = 'shared-LEAK-canary-7781'
        # WhatIf text goes to the host, not a stream: a transcript catches it.
        $transcript = Join-Path ([IO.Path]::GetTempPath()) "composio-shared-$([guid]::NewGuid().ToString('N')).txt"
        Start-Transcript -Path $transcript -Force | Out-Null
        $all = & {
            Set-ComposioAuthConfig -Id $managed -SharedCredentials @{ org_token = (ConvertTo-Secure $secret) } -WhatIf
            Set-ComposioAuthConfig -Id $managed -SharedCredentials @{ org_token = (ConvertTo-Secure $secret) } -Verbose -Debug -PassThru | Format-List * | Out-String
        } *>&1 | Out-String
        Stop-Transcript | Out-Null
        $all += Get-Content $transcript -Raw
        Remove-Item $transcript -Force -ErrorAction SilentlyContinue
        $all | Should -Match 'What if: .*shared credentials \(org_token\)'
        $all | Should -Match 'HTTP PATCH'
        $all | Should -Not -Match $secret
        (Get-Patch).Count | Should -Be 1   # the WhatIf sent nothing
        (Get-Patch)[0].body_text | Should -Match $secret   # the server did get it
        (Get-ComposioAuthConfig -Id $managed).SharedCredentials['org_token'] | Should -Be '***'
    }

    It 'refuses a value it cannot send, before any request' {
        { Set-ComposioAuthConfig -Id $managed -SharedCredentials @{ bad = @(1, 2) } } | Should -Throw -ErrorId 'InvalidCredentialValue,*'
        # By id, the config may be read once for its credential-field parameters; nothing is written.
        @(Get-ApiRequest $emulator | Where-Object method -ne 'GET') | Should -BeNullOrEmpty
    }
}

Describe 'Set-ComposioAuthConfig -RestrictToTools (the execution-tool restriction, as core 0.21 sends it)' {
    BeforeEach {
        Reset-ComposioEmulator $emulator
        $custom = New-CustomConfig $emulator notion 'restrict custom'
        $managed = New-ManagedConfig $emulator github 'restrict managed'
        Clear-ComposioEmulatorRequest $emulator
    }

    It 'sends tool_access_config.tools_available_for_execution, not the deprecated top-level list, for <Kind> configs' -ForEach @(
        @{ Kind = 'managed'; Type = 'default' }
        @{ Kind = 'custom'; Type = 'custom' }
    ) {
        $id = if ($Kind -eq 'managed') { $managed } else { $custom }
        Set-ComposioAuthConfig -Id $id -RestrictToTools GITHUB_STAR_A_REPOSITORY, GITHUB_CREATE_AN_ISSUE
        (Get-Patch)[0].body_text | Should -Be ('{"type":"' + $Type + '","tool_access_config":{"tools_available_for_execution":["GITHUB_STAR_A_REPOSITORY","GITHUB_CREATE_AN_ISSUE"]}}')
        (Get-RawConfig $emulator $id).tool_access_config.tools_available_for_execution | Should -Be @('GITHUB_STAR_A_REPOSITORY', 'GITHUB_CREATE_AN_ISSUE')
    }

    It 'clears the restriction with an empty list; -RestrictToFollowingTools and -ToolsAvailableForExecution are the same parameter' {
        Set-ComposioAuthConfig -Id $managed -RestrictToFollowingTools GITHUB_STAR_A_REPOSITORY
        Set-ComposioAuthConfig -Id $managed -ToolsAvailableForExecution @()
        (Get-Patch)[1].body_text | Should -Be '{"type":"default","tool_access_config":{"tools_available_for_execution":[]}}'
        @((Get-RawConfig $emulator $managed).tool_access_config.tools_available_for_execution).Count | Should -Be 0
    }
}

Describe 'Set-ComposioAuthConfig -Name' {
    BeforeEach {
        Reset-ComposioEmulator $emulator
        $custom = New-CustomConfig $emulator notion 'keep this name'
        Clear-ComposioEmulatorRequest $emulator
    }

    It 'refuses <Label> before any request, with EmptyAuthConfigName' -ForEach @(
        @{ Label = 'an empty name'; Value = '' }
        @{ Label = 'a blank name'; Value = '   ' }
    ) {
        { Set-ComposioAuthConfig -Id $custom -Name $Value } | Should -Throw -ErrorId 'EmptyAuthConfigName,*'
        # By id, the config may be read once for its credential-field parameters; nothing is written.
        @(Get-ApiRequest $emulator | Where-Object method -ne 'GET') | Should -BeNullOrEmpty
        (Get-RawConfig $emulator $custom).name | Should -Be 'keep this name'
    }

    It 'still renames to a one-character name' {
        Set-ComposioAuthConfig -Id $custom -Name 'x'
        (Get-RawConfig $emulator $custom).name | Should -Be 'x'
    }
}

Describe 'CIMD_OAUTH and fields hidden from the user' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'completes CIMD_OAUTH among the toolkit''s schemes' {
        (Get-Completion 'New-ComposioAuthConfig -Toolkit linear -Type Custom -AuthScheme C').CompletionText | Should -Be @('CIMD_OAUTH')
    }

    It 'offers no parameter for the hidden client_id, while the OAUTH2 scheme of the same toolkit does' {
        $oauth = (Get-Completion 'New-ComposioAuthConfig -Toolkit linear -Type Custom -AuthScheme OAUTH2 -Cli').CompletionText
        $cimd = (Get-Completion 'New-ComposioAuthConfig -Toolkit linear -Type Custom -AuthScheme CIMD_OAUTH -Cli').CompletionText
        $oauth | Should -Contain '-ClientId'
        $cimd | Should -Not -Contain '-ClientId'
    }

    It 'creates a CIMD config without demanding the hidden required field; the server applies its default' {
        $config = New-ComposioAuthConfig -Toolkit linear -Type Custom -AuthScheme CIMD_OAUTH
        (Get-CreateRequest $emulator)[0].body_text | Should -Be '{"toolkit":{"slug":"linear"},"auth_config":{"type":"use_custom_auth","authScheme":"CIMD_OAUTH","credentials":{}}}'
        $config.AuthScheme | Should -Be 'CIMD_OAUTH'
        $default = (Get-ComposioAuthConfigField linear CIMD_OAUTH -IncludeHidden | Where-Object Name -eq 'client_id').Default
        (Get-RawConfig $emulator $config.Id).credentials.client_id | Should -Be $default
    }

    It 'still demands a visible required field' {
        { New-ComposioAuthConfig -Toolkit linear -Type Custom -AuthScheme OAUTH2 -ClientSecret (ConvertTo-Secure 's') -ErrorAction Stop } | Should -Throw -ErrorId 'MissingRequiredField,*'
        Get-CreateRequest $emulator | Should -BeNullOrEmpty
    }

    It 'Get-ComposioAuthConfigField leaves hidden fields out unless -IncludeHidden, and then marks them' {
        (Get-ComposioAuthConfigField linear -AuthScheme CIMD_OAUTH).Name | Should -Be @('scopes')
        Get-ComposioAuthConfigField linear -AuthScheme CIMD_OAUTH -RequiredOnly | Should -BeNullOrEmpty
        $all = Get-ComposioAuthConfigField linear -AuthScheme CIMD_OAUTH -IncludeHidden
        $all.Name | Should -Be @('client_id', 'scopes')
        $all[0].UserVisible | Should -BeFalse
        $all[0].Required | Should -BeTrue
        ($all | Format-Table | Out-String) | Should -Match 'client_id \(hidden\)'
        ($all[0] | Format-List | Out-String) | Should -Match 'UserVisible\s*:\s*False'
    }
}
